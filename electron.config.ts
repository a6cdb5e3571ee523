// electron-builder configuration: `electron-builder --config electron.config.ts` (npm run dist).
// Offline build machines set ELECTRON_OVERRIDE_DIST_PATH to an unpacked Electron to use instead of a download.
import type { Configuration } from 'electron-builder';

const electronDist = process.env.ELECTRON_OVERRIDE_DIST_PATH;

const config: Configuration = {
  appId: 'org.tcplab.app',
  productName: 'tcplab',
  copyright: 'Copyright © 2026 the tcplab developers',
  directories: { output: 'release', buildResources: 'assets' },
  ...(electronDist ? { electronDist } : {}),
  asar: true,
  // Only what the app runs: bundled main + preload + renderer. Sources, tests and dev files stay out.
  files: [
    'dist/electron/**',
    'dist/renderer/**',
    // The Linux window icon (main.ts): build resources are not packed unless named.
    'assets/icon.png',
    'package.json',
    '!**/*.map',
    '!src-main/**',
    '!src-renderer/**',
    '!tests/**',
    '!scripts/**',
    '!docs/**',
  ],
  extraMetadata: { main: 'dist/electron/main.cjs' },
  fileAssociations: [
    {
      ext: 'tcplab',
      name: 'tcplab session',
      description: 'tcplab lab session',
      mimeType: 'application/x-tcplab-session',
      role: 'Editor',
      icon: 'assets/icon',
    },
  ],
  linux: {
    target: ['AppImage', 'deb'],
    category: 'Education',
    icon: 'assets/icons',
    executableName: 'tcplab',
  },
  deb: { depends: ['libgtk-3-0', 'libnss3', 'libxss1', 'libasound2'] },
  win: { target: ['nsis'], icon: 'assets/icon.ico' },
  nsis: { oneClick: false, allowToChangeInstallationDirectory: true },
  mac: { target: ['dmg'], category: 'public.app-category.education', icon: 'assets/icon.icns' },
};

export default config;
