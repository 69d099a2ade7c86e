/**
 * Time units in milliseconds: the one place they are spelled out. Written as literals so that a
 * bundle holds the number, not the arithmetic (the always-on watcher counts every byte).
 */
export const SECOND_MS = 1_000;
export const MINUTE_MS = 60_000;
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;
