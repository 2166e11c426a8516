/** Diagrams drawn from the journal (the one history): pure functions, entries in, a document out. */
export {
  type DiagramEntry,
  escapeXml,
  LANE_ORDER,
  type LaneKind,
  labelOf,
  type Participant,
  type SequenceDiagramOptions,
  sequenceDiagramSvg,
} from './sequenceDiagram.ts';
