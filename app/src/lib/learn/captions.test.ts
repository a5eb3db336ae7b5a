import { describe, expect, it } from 'vitest';
import { captionLanguage, captionTracks, defaultTrack, needsDefaultLanguage, trackLabel } from './captions';

const vtt = (name: string, url = `/uploads/${name}`) => ({ url, name, mime: 'text/vtt' });

describe('caption tracks from a lesson’s attachments', () => {
  it('reads the language from the suffix before .vtt, else none', () => {
    expect(captionLanguage('talk.ar.vtt')).toBe('ar');
    expect(captionLanguage('Talk.EN.vtt')).toBe('en');
    expect(captionLanguage('talk.en-gb.vtt')).toBe('en-GB');
    expect(captionLanguage('talk.vtt')).toBeNull();
    expect(captionLanguage('talk.arabic.vtt')).toBeNull();
  });

  it('keeps WebVTT files only, one per language, and gives a file without a suffix the school’s language', () => {
    const files = [
      vtt('wudu.en.vtt'),
      { url: '/uploads/sheet.pdf', name: 'sheet.pdf', mime: 'application/pdf' },
      vtt('wudu.vtt'),
      vtt('wudu.EN.vtt', '/uploads/second-english.vtt'),
    ];
    expect(captionTracks(files, 'ar')).toEqual([
      { url: '/uploads/wudu.en.vtt', srclang: 'en' },
      { url: '/uploads/wudu.vtt', srclang: 'ar' },
    ]);
    expect(needsDefaultLanguage(files)).toBe(true);
    expect(needsDefaultLanguage([vtt('a.en.vtt'), { url: '/u/x.pdf', name: 'x.pdf', mime: 'application/pdf' }])).toBe(
      false,
    );
  });

  it('shows by default the track in the page’s language, else none', () => {
    const tracks = [
      { url: '/a', srclang: 'en' },
      { url: '/b', srclang: 'ar' },
    ];
    expect(defaultTrack(tracks, 'ar')).toBe(1);
    expect(defaultTrack(tracks, 'en-GB')).toBe(0);
    expect(defaultTrack(tracks, 'fr')).toBe(-1);
  });

  it('labels a track with the language’s name in the page’s language', () => {
    expect(trackLabel('ar', 'en')).toBe('Arabic');
    expect(trackLabel('en', 'ar')).toBe('الإنجليزية');
  });
});
