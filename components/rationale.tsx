import Markdown from "react-markdown";

/**
 * A verdict's rationale, stored as Markdown. react-markdown builds React elements from the
 * Markdown syntax tree and never passes raw HTML through (no rehype-raw), and its default URL
 * transform drops `javascript:` and other unsafe link protocols, so a rationale cannot run code.
 */
export function Rationale({ markdown, compact = false }: { markdown: string; compact?: boolean }) {
  return (
    <div className={`rationale font-serif leading-relaxed ${compact ? "space-y-2 text-base" : "space-y-3 text-lg"}`}>
      <Markdown
        skipHtml
        components={{
          a: ({ href, children }) => (
            <a href={href} rel="noopener noreferrer nofollow">
              {children}
            </a>
          ),
        }}
      >
        {markdown}
      </Markdown>
    </div>
  );
}
