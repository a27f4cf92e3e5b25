import { readableOnWhite, safeHex, textColorOn } from "@/lib/colors";

// The clinic's colours, under the PDF's rule: text on the band and the notes box is white or dark, whichever
// reaches 4.5:1; headings, links and the button use the primary colour only where it reads on white.
export function brandVariables(primaryColor: string, accentColor: string): string {
  const band = safeHex(primaryColor, "#1d4e89");
  const accent = safeHex(accentColor, "#eef2f6");
  const heading = readableOnWhite(band);
  return `:root{--band:${band};--on-band:${textColorOn(band)};--heading:${heading};--on-heading:${textColorOn(heading)};--accent:${accent};--on-accent:${textColorOn(accent)}}`;
}

// Sizes inside <main> are in em, so "Larger text" (which sets main's size) scales headings and tables too.
// Phones first: one column, 44 px touch targets, long addresses wrap instead of widening the page.
export const PAGE_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",Arial,sans-serif;font-size:1.125rem;line-height:1.6;color:#1a1a1a;background:#fff}
.skip{position:absolute;left:-9999px;top:0}
.skip:focus{left:.5rem;top:.5rem;z-index:1;padding:.5rem .75rem;background:#fff;color:#1a1a1a;outline:3px solid #1a1a1a}
.band{background:var(--band);color:var(--on-band);padding:1rem}
.band-inner,main,footer{max-width:44rem;margin:0 auto}
.band-inner{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1rem}
.band img{display:block;max-height:3.5rem;max-width:10rem;padding:.25rem;background:#fff;border-radius:.25rem}
.band p{margin:0}
.clinic{font-size:1.25rem;font-weight:700;line-height:1.3}
.band a{color:inherit}
main{display:block;padding:1rem;overflow-wrap:break-word}
main a{color:var(--heading);overflow-wrap:anywhere}
a:focus-visible,input:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--heading);outline-offset:2px}
.band a:focus-visible{outline-color:var(--on-band)}
body:has(#larger:checked) main{font-size:1.4rem}
.tools{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem;margin:0 0 1rem;font-size:1rem}
.switch{display:inline-flex;align-items:center;gap:.5rem;min-height:44px;font-weight:600;cursor:pointer}
.switch input{width:1.5rem;height:1.5rem;margin:0;accent-color:var(--heading)}
main a.button{display:inline-flex;flex-direction:column;justify-content:center;min-height:44px;padding:.4rem 1rem;border-radius:.375rem;background:var(--heading);color:var(--on-heading);font-weight:700;line-height:1.25;text-decoration:none}
.button small{font-weight:400;font-size:.85em}
h1{font-size:1.6em;line-height:1.25;margin:.25em 0}
h2{font-size:1.3em;line-height:1.3;color:var(--heading);margin:1.5em 0 .4em}
h3{font-size:1.12em;line-height:1.35;margin:1.2em 0 .3em}
h4,h5,h6{font-size:1em;margin:1em 0 .25em}
p{margin:.5em 0}
ul,ol{margin:.5em 0;padding-left:1.5em}
li{margin:.25em 0}
li>p{margin:0}
.meta{display:flex;flex-wrap:wrap;gap:0 1.25em;margin:0 0 1em;padding:0;list-style:none;color:#41464c}
.meta li{margin:0}
.main-points{margin:1em 0;padding:.5em 1em;border:1px solid var(--band);border-radius:.25em}
.main-points h2{margin-top:.2em}
.notes{margin:1em 0;padding:.75em 1em;border-left:.3em solid var(--band);border-radius:.25em;background:var(--accent);color:var(--on-accent)}
.notes h2{margin-top:.2em;color:inherit}
.notes p,.notes ul{white-space:pre-line}
.warning{margin:1.5em 0;padding:.6em 1em .75em;border:2px solid #b42318;border-left-width:.45em;border-radius:.375em;background:#fef3f2}
.warning-label{display:flex;align-items:center;gap:.5em;margin:0;font-weight:700;color:#b42318}
.warning-mark{display:inline-flex;align-items:center;justify-content:center;width:1.4em;height:1.4em;border-radius:50%;background:#b42318;color:#fff;font-size:.9em;line-height:1}
.warning h2{margin-top:.2em;color:#7a271a}
.warning a{color:#7a271a}
.contact{margin:1.5em 0;padding:.75em 1em;border:1px solid #b9bec4;border-radius:.375em}
.contact h2{margin-top:.2em}
.contact p{margin:.35em 0}
.contact a{display:inline-block;padding:.3em 0}
.table-wrap{overflow-x:auto;margin:1em 0}
table{border-collapse:collapse;min-width:100%;font-size:.95em}
th,td{border:1px solid #b9bec4;padding:.4em .5em;text-align:left;vertical-align:top}
th{background:#f1f3f5}
.align-right{text-align:right}
.align-center{text-align:center}
.cite{text-decoration-style:dotted}
.references li{margin:.4em 0}
.disclaimer{font-size:.92em;color:#3b4046}
.disclaimer h2{color:#3b4046}
footer{padding:1rem;border-top:1px solid #dfe2e5;font-size:1rem;color:#41464c}
footer p{margin:0}
.gone{max-width:36rem;margin:0 auto;padding:2.5rem 1rem}
.gone h1{color:#1a1a1a}
.gone a{color:#1d4e89}
@media print{
  body{font-size:11pt;line-height:1.45}
  .skip,.tools{display:none}
  .band{padding:0 0 .5rem;background:none;color:#000;border-bottom:2px solid #000}
  .band a,main a{color:#000}
  main{padding:0}
  body:has(#larger:checked) main{font-size:14pt}
  main a[href^="https:"]:not(.cite)::after{content:" (" attr(href) ")";font-size:.9em}
  h2,h3,h4{break-after:avoid}
  li,tr,.contact,.notes,.warning{break-inside:avoid}
  .warning{background:none;border-color:#000}
  .warning-label,.warning h2{color:#000}
  .warning-mark{background:none;color:#000;border:2px solid #000}
  .notes{border:1px solid #000;background:none;color:#000}
  .table-wrap{overflow:visible}
  footer{padding:.5rem 0 0;color:#000}
}
`;
