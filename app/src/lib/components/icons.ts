// 24x24 stroke icons (drawn for this app). `mirrored` ones point along the reading direction and are
// flipped in right-to-left pages; the others (a house, a tick, a globe) mean the same either way.
export const ICONS = {
  home: { d: 'M3 11.5 12 4l9 7.5M5.5 9.5V20h5v-6h3v6h5V9.5', mirrored: false },
  book: {
    d: 'M4 5.5C6.5 4 9.5 4 12 5.5v14C9.5 18 6.5 18 4 19.5zM20 5.5C17.5 4 14.5 4 12 5.5v14c2.5-1.5 5.5-1.5 8 0z',
    mirrored: false,
  },
  // An open mushaf on its stand (rahl): hifz.
  quran: {
    d: 'M4 5.5c3 0 5.5.9 8 2.8 2.5-1.9 5-2.8 8-2.8v10c-3 0-5.5.9-8 2.8-2.5-1.9-5-2.8-8-2.8zM12 8.3v10M6 21l6-2.7 6 2.7',
    mirrored: false,
  },
  user: { d: 'M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8zM4.5 20c.8-3.6 3.8-5.5 7.5-5.5s6.7 1.9 7.5 5.5', mirrored: false },
  family: {
    d: 'M8 11a3 3 0 1 0 0-6 3 3 0 0 0 0 6zM16.5 12a2.5 2.5 0 1 0 0-5 2.5 2.5 0 0 0 0 5zM2.5 20c.6-3.2 2.7-5 5.5-5s4.9 1.8 5.5 5M13.5 15.5c.9-.6 1.9-1 3-1 2.4 0 4.2 1.6 4.8 4.5',
    mirrored: false,
  },
  globe: {
    d: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM3 12h18M12 3c2.5 2.6 3.6 5.6 3.6 9s-1.1 6.4-3.6 9c-2.5-2.6-3.6-5.6-3.6-9S9.5 5.6 12 3z',
    mirrored: false,
  },
  download: { d: 'M12 4v11m0 0-4.5-4.5M12 15l4.5-4.5M5 19.5h14', mirrored: false },
  offline: {
    d: 'M3 3l18 18M8.5 16.5a5 5 0 0 1 7 0M5 13a10 10 0 0 1 4.2-2.6M19 13a10 10 0 0 0-2.2-1.6M2 9.5a15 15 0 0 1 4.4-2.8M22 9.5A15 15 0 0 0 11 5.6M12 20h.01',
    mirrored: false,
  },
  check: { d: 'M4.5 12.5 9.5 17.5 19.5 6.5', mirrored: false },
  clock: { d: 'M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18zM12 7v5l3.5 2', mirrored: false },
  // Media controls keep their direction in Arabic (they follow the recording, not the reading).
  play: { d: 'M7 4.5v15l12-7.5z', mirrored: false },
  pause: { d: 'M8 5v14M16 5v14', mirrored: false },
  rewind: { d: 'M4 12a8 8 0 1 0 2.3-5.7M4 4v4h4', mirrored: false },
  fastForward: { d: 'M20 12a8 8 0 1 1-2.3-5.7M20 4v4h-4', mirrored: false },
  repeat: { d: 'M4 11V9a3 3 0 0 1 3-3h12m0 0-3-3m3 3-3 3M20 13v2a3 3 0 0 1-3 3H5m0 0 3 3m-3-3 3-3', mirrored: false },
  // A screen with "CC": captions on or off.
  captions: {
    d: 'M4 5.5h16a1 1 0 0 1 1 1v11a1 1 0 0 1-1 1H4a1 1 0 0 1-1-1v-11a1 1 0 0 1 1-1zM10.5 10.2a2.3 2.3 0 1 0 0 3.6M17 10.2a2.3 2.3 0 1 0 0 3.6',
    mirrored: false,
  },
  up: { d: 'M6 15l6-6 6 6', mirrored: false },
  down: { d: 'M6 9l6 6 6-6', mirrored: false },
  trash: { d: 'M4.5 6.5h15M9.5 6.5V4h5v2.5M6.5 6.5l1 13.5h9l1-13.5M10 10.5v6M14 10.5v6', mirrored: false },
  alert: { d: 'M12 3.5 2.5 20h19zM12 10v4.5M12 17.5h.01', mirrored: false },
  phone: {
    d: 'M8 2.5h8a1.5 1.5 0 0 1 1.5 1.5v16a1.5 1.5 0 0 1-1.5 1.5H8A1.5 1.5 0 0 1 6.5 20V4A1.5 1.5 0 0 1 8 2.5zM11 18.5h2',
    mirrored: false,
  },
  forward: { d: 'M9 5l7 7-7 7', mirrored: true },
  back: { d: 'M20 12H5m0 0 6-6m-6 6 6 6', mirrored: true },
  signOut: {
    d: 'M14 4H6.5A1.5 1.5 0 0 0 5 5.5v13A1.5 1.5 0 0 0 6.5 20H14M10.5 12H21m0 0-3.5-3.5M21 12l-3.5 3.5',
    mirrored: true,
  },
  refresh: {
    d: 'M20 11a8 8 0 0 0-14.6-4.5L3.5 9M3.5 4v5h5M4 13a8 8 0 0 0 14.6 4.5L20.5 15M20.5 20v-5h-5',
    mirrored: false,
  },
  star: {
    d: 'M12 2.5 14.2 7l4.9-1.1-1.1 4.9L22.5 12 18 14.2l1.1 4.9-4.9-1.1L12 22.5 9.8 18l-4.9 1.1L6 14.2 1.5 12 6 9.8 4.9 4.9 9.8 6z',
    mirrored: false,
  },
  teach: { d: 'M3 5h18v11H3zM8 20h8M12 16v4', mirrored: false },
  copy: { d: 'M9 8.5h10.5V21H9zM6 16.5H4.5V3H15v1.5', mirrored: false },
  plus: { d: 'M12 4.5v15M4.5 12h15', mirrored: false },
  link: {
    d: 'M10 14a4.5 4.5 0 0 0 6.4 0l3.2-3.2a4.5 4.5 0 0 0-6.4-6.4L11.7 6M14 10a4.5 4.5 0 0 0-6.4 0l-3.2 3.2a4.5 4.5 0 0 0 6.4 6.4l1.5-1.5',
    mirrored: false,
  },
  grid: { d: 'M4 4h16v16H4zM4 9.5h16M4 15h16M9.5 4v16M15 4v16', mirrored: false },
  chart: { d: 'M4 20h16M6.5 20v-6M11 20V8M15.5 20v-9M20 20V5', mirrored: false },
  shield: { d: 'M12 3 4.5 6v5.5c0 4.5 3.2 8.2 7.5 9.5 4.3-1.3 7.5-5 7.5-9.5V6z', mirrored: false },
  flame: {
    d: 'M12 21.5c-4 0-7-2.8-7-6.6 0-3.3 2.3-5.4 3.6-7.6.6 1.6 1.4 2.6 2.6 3.2C11 6.8 12.6 4.2 15 2.5c.2 3.3 1.6 5 2.8 6.9 1 1.4 1.7 3 1.7 5.3 0 4-3.2 6.8-7.5 6.8z',
    mirrored: false,
  },
  lock: { d: 'M6 10.5h12v10H6zM8.5 10.5V7.5a3.5 3.5 0 0 1 7 0v3M12 14.5v2.5', mirrored: false },
  search: { d: 'M10.5 17.5a7 7 0 1 0 0-14 7 7 0 0 0 0 14zM15.5 15.5 21 21', mirrored: false },
  award: { d: 'M12 15a6 6 0 1 0 0-12 6 6 0 0 0 0 12zM8.5 14 7 21.5l5-2.5 5 2.5-1.5-7.5', mirrored: false },
  share: { d: 'M12 15V3.5m0 0L8 7.5m4-4 4 4M7 11H5.5v9.5h13V11H17', mirrored: false },
} as const;

export type IconName = keyof typeof ICONS;
