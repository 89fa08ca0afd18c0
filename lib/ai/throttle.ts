/**
 * Passes streamed text on at most once per `intervalMs`, skipping repeats: the panel repaints a
 * few times a second instead of once per token. An empty text (a reset) passes at once unless
 * nothing was sent yet; the final text goes out with the result, so a dropped delta loses nothing.
 */
export function throttleText(
  send: (text: string) => void,
  intervalMs: number,
  now: () => number,
): (text: string) => void {
  let last = Number.NEGATIVE_INFINITY;
  let sent = '';
  return (text) => {
    const at = now();
    if (text === sent || (at - last < intervalMs && text.length > 0)) return;
    last = at;
    sent = text;
    send(text);
  };
}
