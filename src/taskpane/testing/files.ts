/**
 * What jsdom lacks and every browser the pane runs in has, for tests that hand the pane real
 * `File`s read with ExcelJS: `Blob.arrayBuffer()` (read through jsdom's `FileReader`), and
 * `TextDecoder`/`TextEncoder` (Node's own). Import this module before any module of `hosts/xlsx`
 * (they create a `TextDecoder` when loaded). `DecompressionStream` is left out: jsdom's `Blob` has
 * no `stream()`, so the reader takes its path for runtimes without it (ExcelJS alone).
 */
import { TextDecoder as NodeTextDecoder, TextEncoder as NodeTextEncoder } from "node:util";

/* global Blob, FileReader */

const g = globalThis as Record<string, unknown>;
g.TextDecoder ??= NodeTextDecoder;
g.TextEncoder ??= NodeTextEncoder;

if (typeof Blob !== "undefined" && typeof Blob.prototype.arrayBuffer !== "function")
  Object.defineProperty(Blob.prototype, "arrayBuffer", {
    configurable: true,
    value(this: Blob): Promise<ArrayBuffer> {
      return new Promise((resolve, reject) => {
        const reader = new FileReader();
        reader.onload = () => resolve(reader.result as ArrayBuffer);
        reader.onerror = () => reject(reader.error ?? new Error("FileReader failed"));
        reader.readAsArrayBuffer(this);
      });
    },
  });
