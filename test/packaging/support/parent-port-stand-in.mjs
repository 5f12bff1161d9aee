// Loaded with `node --import` into a plain Node child started by child_process.fork(): it
// stands in for the `process.parentPort` that Electron's utilityProcess.fork() gives its
// child, over Node's IPC channel, so that the built utility-process entry can run and be
// talked to on a machine without Electron. It provides exactly the two calls the entry makes
// (src/server/utility-process.ts): postMessage(message), and on('message', listener) with
// the message in `event.data`. Tests that load it test the entry, not Electron.
process.parentPort = {
  postMessage: (message) => process.send(message),
  on: (event, listener) => process.on(event, (data) => listener({ data })),
};
