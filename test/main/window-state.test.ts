import { describe, expect, it } from 'vitest';
import { DEFAULT_WINDOW_STATE, placeOnScreens, stateFromBounds, windowStateSchema } from '../../src/main/window-state';

const laptop = { x: 0, y: 0, width: 1440, height: 875 };
const external = { x: 1440, y: 0, width: 2560, height: 1400 };

describe('window state', () => {
  it('refuses bad saved states', () => {
    for (const bad of [null, 'x', {}, { width: 10, height: 800, maximized: false }, { width: 1200, height: 800 }, { ...DEFAULT_WINDOW_STATE, extra: 1 }, { ...DEFAULT_WINDOW_STATE, x: 1.5, y: 0 }]) {
      expect(windowStateSchema.safeParse(bad).success).toBe(false);
    }
    expect(windowStateSchema.parse({ x: 10, y: 20, width: 1000, height: 700, maximized: true })).toEqual({ x: 10, y: 20, width: 1000, height: 700, maximized: true });
  });

  it('keeps a position that is still on a screen', () => {
    const saved = { x: 1600, y: 100, width: 1200, height: 800, maximized: false };
    expect(placeOnScreens(saved, [laptop, external])).toEqual(saved);
  });

  it('drops a position on a screen that is gone, and shrinks to the largest screen', () => {
    const saved = { x: 1600, y: 100, width: 2400, height: 1300, maximized: true };
    expect(placeOnScreens(saved, [laptop])).toEqual({ width: 1440, height: 875, maximized: true });
  });

  it('drops a position with only a sliver of the window visible', () => {
    expect(placeOnScreens({ x: 1400, y: 100, width: 1000, height: 700, maximized: false }, [laptop])).toEqual({ width: 1000, height: 700, maximized: false });
  });

  it('saves only valid bounds', () => {
    expect(stateFromBounds({ x: 5, y: 6, width: 1000, height: 700 }, false)).toEqual({ x: 5, y: 6, width: 1000, height: 700, maximized: false });
    expect(stateFromBounds({ x: 5, y: 6, width: 100, height: 700 }, false)).toBeNull();
  });
});
