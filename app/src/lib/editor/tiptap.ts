// Tiptap (ProseMirror), loaded only by the lesson editor through a dynamic import: nothing here may
// be imported statically by a page a learner opens (`npm run js-budget` shows the learner's bundle).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';

export type { Editor };

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
