/**
 * Lets the browser run its own work (input, paint) before what follows: resolves in a task of its
 * own. A message, not a timer: browsers delay timers in a background tab by up to a second.
 */
export const nextTask = () =>
  new Promise<void>((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });
