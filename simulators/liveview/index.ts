/** The live view: the harness's journal drawn as it happens, in a page served over HTTP and a WebSocket. */
export { entryView, participantOf, toneOf } from './entryView.ts';
export { deviceView, devicesView, partiesView, partyRef, type WatchedEstate } from './estateView.ts';
export { DEFAULT_WEB_DIR, EVENTS_PATH, LIVE_PATH, liveRoutes } from './liveRoutes.ts';
export { LiveView, type LiveViewOptions } from './LiveView.ts';
export { ruleSetChoices } from './ruleSetChoices.ts';
export { type RunningLiveView, startLiveView } from './startLiveView.ts';
export type * from './messages.ts';
export { LANE_ORDER, parseControlMessage } from './messages.ts';
export { builtInStories, wrongNoSmets1 } from './stories/index.ts';
export { type Story, type StoryOutcome, StoryRegistry } from './Story.ts';
