/**
 * Controls the pane's tabs share: Fluent controls with the dictionary's labels where Fluent would
 * bring its own English text, the file picker, the tables, the check button.
 */
import { useRef } from "react";
import { Button, Dropdown, type DropdownProps } from "@fluentui/react-components";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

/** A Dropdown whose (hidden unless clearable) clear button is labelled from the dictionary. */
export function PaneDropdown(props: DropdownProps) {
  const { t } = usePaneText();
  return <Dropdown clearButton={{ "aria-label": t.clearSelection }} {...props} />;
}

export interface FilePickButtonProps {
  label: string;
  /** The accessible name of the (hidden) file input. */
  inputLabel: string;
  accept: string;
  multiple?: boolean;
  disabled?: boolean;
  /** The picked files (never none); the same file can be picked again right after. */
  onPick: (files: File[]) => void;
}

/** A button that opens the browser's file dialog. */
export function FilePickButton({ label, inputLabel, accept, multiple, disabled, onPick }: FilePickButtonProps) {
  const ui = usePaneStyles();
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <Button disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        multiple={multiple}
        accept={accept}
        aria-label={inputLabel}
        className={ui.hiddenInput}
        onChange={(e) => {
          const picked = [...(e.target.files ?? [])];
          e.target.value = "";
          if (picked.length) onPick(picked);
        }}
      />
    </>
  );
}
