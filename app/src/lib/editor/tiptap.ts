// Tiptap (ProseMirror), loaded only by the lesson editor through a dynamic import: nothing here may
// be imported statically by a page a learner opens (`npm run js-budget` shows the learner's bundle).
import { Editor, Mark } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export type { Editor };

/**
 * A verse of the Quran inside a paragraph: `<span class="quran-verse" lang="ar" dir="rtl">`, one of the
 * span classes the server keeps (RICH_TEXT_SPAN_CLASSES), shown in the Arabic font to students.
 */
export const QuranVerse = Mark.create({
  name: 'quranVerse',
  parseHTML: () => [{ tag: 'span.quran-verse' }],
  renderHTML: () => ['span', { class: 'quran-verse', lang: 'ar', dir: 'rtl' }, 0],
});

export interface RichTextOptions {
  element: HTMLElement;
  content: string;
  label: string;
  describedBy?: string;
  onChange: (html: string) => void;
}

/**
 * An editor whose output the server's sanitizer keeps as it is (worker/contract/rich-text.ts): headings
 * h2-h3 under the lesson's title, lists, quotes, code, links, marks, and `dir` on every block. Each block
 * is `dir="auto"` unless the teacher chose a direction, so a line of Arabic in an English lesson (or the
 * other way round) reads in its own direction.
 */
export function createRichTextEditor(options: RichTextOptions): Editor {
  return new Editor({
    element: options.element,
    content: options.content,
    textDirection: 'auto',
    // The page's Content-Security-Policy allows no inline <style>: the editor's CSS is in RichTextEditor.
    injectCSS: false,
    extensions: [
      StarterKit.configure({
        heading: { levels: [2, 3] },
        link: { openOnClick: false, autolink: true, defaultProtocol: 'https' },
      }),
      QuranVerse,
    ],
    editorProps: {
      attributes: {
        role: 'textbox',
        'aria-multiline': 'true',
        'aria-label': options.label,
        ...(options.describedBy && { 'aria-describedby': options.describedBy }),
        class: 'rich-text',
      },
    },
    onUpdate: ({ editor }) => options.onChange(editor.isEmpty ? '' : editor.getHTML()),
  });
}
