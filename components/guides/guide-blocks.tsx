import type { Block, Inline } from "@/lib/guides/blocks";

const SAFE_LINK = /^(https?:|mailto:|tel:)/i;

function Inlines({ nodes, cites = true }: { nodes: Inline[]; cites?: boolean }) {
  return (
    <>
      {nodes.map((n, i) => {
        if (n.type === "text") {
          let el: React.ReactNode = n.text;
          if (n.italic) el = <em>{el}</em>;
          if (n.bold) el = <strong>{el}</strong>;
          return <span key={i}>{el}</span>;
        }
        if (n.type === "link") {
          return SAFE_LINK.test(n.href) ? (
            <a key={i} href={n.href} rel="noopener noreferrer" className="text-brand-700 underline">
              <Inlines nodes={n.children} cites={cites} />
            </a>
          ) : (
            <Inlines key={i} nodes={n.children} cites={cites} />
          );
        }
        return n.refKey && cites ? (
          <a key={i} href={`#ref-${n.refKey}`} className="text-brand-700 underline decoration-dotted">
            {n.text}
          </a>
        ) : (
          <span key={i}>{n.text}</span>
        );
      })}
    </>
  );
}

/**
 * A guide section's blocks as semantic HTML, as a patient would read them. Never renders raw HTML.
 * `cites` links citations to the page's reference list; off where there is none (the handout preview).
 * `images`: where the clinic's pictures are served (/clinics/<id>/guides/images); without it a picture is
 * shown as its description.
 */
export function GuideBlocks({ blocks, cites = true, images }: { blocks: Block[]; cites?: boolean; images?: string }) {
  return (
    <>
      {blocks.map((b, i) => {
        switch (b.type) {
          case "paragraph":
            return (
              <p key={i} className="my-2 whitespace-pre-line">
                <Inlines nodes={b.children} cites={cites} />
              </p>
            );
          case "heading": {
            const Tag = `h${Math.min(6, b.level + 1)}` as "h4" | "h5" | "h6";
            return (
              <Tag key={i} className="mt-3 mb-1 font-semibold">
                <Inlines nodes={b.children} cites={cites} />
              </Tag>
            );
          }
          case "list": {
            const items = b.items.map((item, j) => (
              <li key={j}>
                <GuideBlocks blocks={item.content} cites={cites} images={images} />
              </li>
            ));
            return b.ordered ? (
              <ol key={i} start={b.start} className="my-2 ml-6 list-decimal [&_p]:my-0">
                {items}
              </ol>
            ) : (
              <ul key={i} className="my-2 ml-6 list-disc [&_p]:my-0">
                {items}
              </ul>
            );
          }
          case "image":
            return (
              <figure key={i} className="my-4">
                {images ? (
                  // eslint-disable-next-line @next/next/no-img-element -- served by our own clinic-checked route, already resized
                  <img
                    src={`${images}/${b.imageId}`}
                    alt={b.alt}
                    className="h-auto max-w-full rounded border border-slate-200"
                    loading="lazy"
                  />
                ) : (
                  <p className="rounded border border-dashed border-slate-300 p-3 text-sm text-slate-700">
                    Picture: {b.alt}
                  </p>
                )}
                {b.caption && <figcaption className="mt-1 text-sm text-slate-700 italic">{b.caption}</figcaption>}
              </figure>
            );
          case "table":
            return (
              <div key={i} className="my-3 overflow-x-auto" role="region" aria-label="Table" tabIndex={0}>
                <table className="min-w-full border-collapse text-left text-sm">
                  <thead>
                    <tr>
                      {b.header.map((cell, j) => (
                        <th
                          key={j}
                          scope="col"
                          className="border border-slate-300 bg-slate-50 px-2 py-1 font-semibold"
                          style={{ textAlign: b.align[j] ?? undefined }}
                        >
                          <Inlines nodes={cell} cites={cites} />
                        </th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {b.rows.map((row, r) => (
                      <tr key={r}>
                        {row.map((cell, j) => (
                          <td
                            key={j}
                            className="border border-slate-300 px-2 py-1"
                            style={{ textAlign: b.align[j] ?? undefined }}
                          >
                            <Inlines nodes={cell} cites={cites} />
                          </td>
                        ))}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
        }
      })}
    </>
  );
}
