// Text of a PDF read in JavaScript (unpdf, a maintained build of Mozilla's pdf.js), so the
// suite needs no system binary; line breaks and runs of spaces collapse to one space.
import { extractText, getDocumentProxy } from 'unpdf';

export async function pdfText(pdf: Buffer | Uint8Array): Promise<string> {
  const doc = await getDocumentProxy(new Uint8Array(pdf));
  const { text } = await extractText(doc, { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

export async function pdfPageCount(pdf: Buffer | Uint8Array): Promise<number> {
  return (await getDocumentProxy(new Uint8Array(pdf))).numPages;
}
