// English strings for app-level dialogs: crash recovery.
export const appEn = {
  'recovery.title': 'Restore your last session?',
  'recovery.body': 'tcplab did not close cleanly last time. Your session was saved automatically.',
  'recovery.savedAt': 'Saved at',
  'recovery.interventions': 'Interventions',
  'recovery.restore': 'Restore',
  'recovery.discard': 'Discard',
  'recovery.failed': 'The saved session could not be restored.',
  'recovery.failedFile': 'The saved session ({file}) could not be restored.',
} as const;
