/**
 * Opening files: a drop zone (drag and drop) with a «Выбрать файлы» button inside it, which is the
 * keyboard path (Tab to it, Enter or Space opens the system file dialog). Every dropped or picked
 * file is passed on, whatever its extension: a PDF named .xlsx must get its own clear error.
 */
import * as React from "react";
import { Body1, Button, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import type { Strings } from "../i18n/strings";
import { XLSX_MIME } from "../taskpane/files";
import type { FilesHandler } from "./useOpenFiles";

export interface FileDropProps {
  strings: Strings;
  onFiles: FilesHandler;
}

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexWrap: "wrap",
    alignItems: "center",
    gap: tokens.spacingHorizontalM,
    padding: tokens.spacingHorizontalXL,
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  active: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

const useDocumentDropGuard = () =>
  React.useEffect(() => {
    // A file dropped next to the zone would make the browser navigate away to it.
    const guard = (e: DragEvent) => e.preventDefault();
    document.addEventListener("dragover", guard);
    document.addEventListener("drop", guard);
    return () => {
      document.removeEventListener("dragover", guard);
      document.removeEventListener("drop", guard);
    };
  }, []);

export const FileDrop: React.FC<FileDropProps> = ({ strings: t, onFiles }) => {
  const styles = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [active, setActive] = React.useState(false);
  useDocumentDropGuard();

  const onDrop = (e: React.DragEvent) => {
    e.preventDefault();
    setActive(false);
    const files = Array.from(e.dataTransfer?.files ?? []);
    if (files.length) onFiles(files);
  };

  return (
    <section
      aria-label={t.saDropZoneLabel}
      className={mergeClasses(styles.zone, active && styles.active)}
      data-testid="drop-zone"
      onDragEnter={(e) => {
        e.preventDefault();
        setActive(true);
      }}
      onDragOver={(e) => {
        e.preventDefault();
        if (e.dataTransfer) e.dataTransfer.dropEffect = "copy";
      }}
      onDragLeave={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setActive(false);
      }}
      onDrop={onDrop}
    >
      <Body1>{active ? t.saDropActive : t.saDropHere}</Body1>
      <Body1>{t.saDropOr}</Body1>
      <Button appearance="primary" onClick={() => input.current?.click()}>
        {t.saPickFiles}
      </Button>
      <input
        ref={input}
        type="file"
        multiple
        accept={`.xlsx,${XLSX_MIME}`}
        hidden
        aria-label={t.saPickFiles}
        data-testid="file-input"
        onChange={(e) => {
          const files = Array.from(e.currentTarget.files ?? []);
          e.currentTarget.value = ""; // the same file can be picked again
          if (files.length) onFiles(files);
        }}
      />
    </section>
  );
};
