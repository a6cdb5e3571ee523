// The renderer's origin inside the desktop app. Kept free of Electron imports so it can be tested in Node.
export const APP_ORIGIN = 'app://tcplab';
