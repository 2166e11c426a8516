import { Eui } from '../../simulators/core/Eui.ts';
import type { JournalEntry } from '../../simulators/core/Journal.ts';
import { sequenceDiagramSvg } from '../../simulators/diagrams/index.ts';
import type { StoryWorld } from './StoryWorld.ts';

/**
 * What a scenario leaves in the cucumber report, read from the harness journal (the one history):
 * the DUIS messages exchanged, as one text document, and their sequence diagram as SVG.
 */

/** Every DUIS entry in order: a header line (who, what, code, RequestID), its summary, then the XML as exchanged. */
export function duisMessagesText(story: StoryWorld, title: string): string {
  const entries = story.journal().filter((e) => e.via === 'DUIS');
  const name = (lane: string) => laneName(story, lane).label;
  const blocks = entries.map((e) => {
    const header = [
      `#${e.seq}`,
      e.at.toISOString(),
      `${name(e.from)} → ${name(e.to)}`,
      e.kind,
      e.srv && `SRV ${e.srv}`,
      e.responseCode,
      e.requestId && `RequestID ${e.requestId}`,
    ].filter(Boolean);
    return [`=== ${header.join('  ')}`, e.summary, e.payload?.trim() ?? '(no payload journalled)'].join('\n');
  });
  const heading = `DUIS messages of "${title}": ${entries.length} (from the harness journal, payloads as exchanged)`;
  return [heading, ...blocks].join('\n\n') + '\n';
}

/** The scenario's messages on every interface but the delivery POSTs, as a self-contained SVG. */
export function sequenceDiagram(story: StoryWorld, title: string): string {
  return sequenceDiagramSvg(story.journal(), {
    title,
    participant: (lane) => laneName(story, lane),
    include: (e) => e.via !== 'DELIVERY' && !isS1spEcho(e),
  });
}

/**
 * The S1SP journals a request it receives (`request`, S1SP interface) right after the DSP journals
 * sending it (`command`): one message, drawn once.
 */
function isS1spEcho(e: Pick<JournalEntry, 'via' | 'kind' | 'from'>): boolean {
  return e.via === 'S1SP' && e.kind === 'request' && e.from === 'DSP';
}

/** How a journal lane is headed: a party's name, a device's type, else the name itself. */
function laneName(story: StoryWorld, lane: string): { label: string; detail?: string } {
  const { estate, inventory } = story.harness;
  let eui: Eui;
  try {
    eui = Eui.parse(lane);
  } catch {
    const s1sp = estate.parties.ofKind('s1sp').find((p) => p.s1spId === lane);
    return s1sp ? { label: lane, detail: s1sp.name } : { label: lane };
  }
  const party = estate.parties.byEui(eui);
  if (party) return { label: party.name, detail: lane };
  const record = inventory.get(eui);
  if (record) return { label: `${record.smetsVersion === 'SMETS1' ? 'SMETS1 ' : ''}${record.deviceType}`, detail: lane };
  return { label: lane };
}
