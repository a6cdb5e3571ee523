// English strings. Region names are the accessible names tests and screen readers rely on.
export const en = {
  'app.title': 'tcplab',
  'app.tagline': 'Watch, break and repair TCP',
  'lang.label': 'Language',
  'region.ladder': 'Ladder diagram',
  'region.state': 'State diagram',
  'region.router': 'Router queue',
  'region.inspector': 'Packet inspector',
  'region.timeline': 'Timeline',
  'region.lesson': 'Lesson',
  'lesson.list': 'Lessons',
  'lesson.loading': 'Loading lessons…',
  'lesson.none': 'No lessons found.',
  'empty.ladder': 'Open a lesson to see its packets here, one column per host.',
  'empty.state': 'Each endpoint’s TCP state diagram appears here.',
  'empty.router': 'Packets waiting at the router appear here.',
  'empty.inspector': 'Select a packet to see every field and its bytes.',
  'empty.timeline': 'Play, pause, step and seek through the session here.',
  'host.mode': 'Mode',
  'host.mode.browser': 'browser mode',
  'host.mode.electron': 'desktop app',
  'error.host': 'The lab host reported an error',
  'error.connection': 'Lost the connection to the lab host. Restart tcplab and reload this page.',
} as const;

export type StringKey = keyof typeof en;
