// The window's size and position, remembered between runs in a small JSON file in the
// user-data folder. Validated on read (a bad file gives the defaults) and placed back on a
// screen that still exists: a monitor unplugged since last time must not hide the window.
import { z } from 'zod';

const MIN_WIDTH = 720;
const MIN_HEIGHT = 480;
const MAX_SIDE = 16_384;
/** How much of the window must be on a screen for the saved position to be kept. */
const VISIBLE_MARGIN = { width: 120, height: 60 };

export const windowStateSchema = z.strictObject({
  x: z.number().int().min(-MAX_SIDE).max(MAX_SIDE).optional(),
  y: z.number().int().min(-MAX_SIDE).max(MAX_SIDE).optional(),
  width: z.number().int().min(MIN_WIDTH).max(MAX_SIDE),
  height: z.number().int().min(MIN_HEIGHT).max(MAX_SIDE),
  maximized: z.boolean(),
});
export type WindowState = z.infer<typeof windowStateSchema>;
export type Rectangle = { x: number; y: number; width: number; height: number };

export const WINDOW_MINIMUM_SIZE = { width: MIN_WIDTH, height: MIN_HEIGHT };
export const DEFAULT_WINDOW_STATE: WindowState = { width: 1200, height: 800, maximized: false };

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  return {
    width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
    height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
  };
}

/** Fits a saved state to the screens there are now (work areas, without task bars). */
export function placeOnScreens(state: WindowState, workAreas: readonly Rectangle[]): WindowState {
  const largest = workAreas.reduce<Rectangle | null>((best, area) => (!best || area.width * area.height > best.width * best.height ? area : best), null);
  const width = largest ? Math.max(MIN_WIDTH, Math.min(state.width, largest.width)) : state.width;
  const height = largest ? Math.max(MIN_HEIGHT, Math.min(state.height, largest.height)) : state.height;
  const sized = { width, height, maximized: state.maximized };
  if (state.x === undefined || state.y === undefined) return sized;
  const bounds = { x: state.x, y: state.y, width, height };
  const visible = workAreas.some((area) => {
    const shared = overlap(bounds, area);
    return shared.width >= VISIBLE_MARGIN.width && shared.height >= VISIBLE_MARGIN.height;
  });
  // Off every screen: let the OS centre it.
  return visible ? { ...sized, x: state.x, y: state.y } : sized;
}

/** What to save from the window's normal (un-maximized) bounds. */
export function stateFromBounds(bounds: Rectangle, maximized: boolean): WindowState | null {
  const parsed = windowStateSchema.safeParse({ ...bounds, maximized });
  return parsed.success ? parsed.data : null;
}
