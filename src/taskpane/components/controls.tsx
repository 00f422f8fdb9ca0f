/**
 * Controls the pane's tabs share: Fluent controls with the dictionary's labels where Fluent would
 * bring its own English text, the file picker, the tables, the check button.
 */
import { useRef, type ReactNode } from "react";
import {
  Button,
  Dropdown,
  Table,
  TableBody,
  TableHeader,
  TableHeaderCell,
  TableRow,
  type DropdownProps,
  type TableProps,
} from "@fluentui/react-components";
import type { HostCapabilities } from "../../hosts/host";
import type { PaneActions, PaneState } from "../usePane";
import { usePaneStyles } from "./styles";
import { usePaneText } from "./text";

/** What every tab gets from the pane. */
export interface TabProps {
  state: PaneState;
  actions: PaneActions;
  capabilities: HostCapabilities;
}

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

/** A column of a `DataTable`: its heading, and the heading cell's class where it has one. */
export type Column = string | { label: string; className?: string };

export interface DataTableProps {
  label: string;
  columns: readonly Column[];
  size: TableProps["size"];
  className: string;
  /** Wide tables scroll sideways in the narrow pane. */
  scroll?: boolean;
  /** The body's rows. */
  children: ReactNode;
}

/** A labelled table with one header row. */
export function DataTable({ label, columns, size, className, scroll, children }: DataTableProps) {
  const ui = usePaneStyles();
  const table = (
    <Table size={size} className={className} aria-label={label}>
      <TableHeader>
        <TableRow>
          {columns.map((c, k) =>
            typeof c === "string" ? (
              <TableHeaderCell key={k}>{c}</TableHeaderCell>
            ) : (
              <TableHeaderCell key={k} className={c.className}>
                {c.label}
              </TableHeaderCell>
            ),
          )}
        </TableRow>
      </TableHeader>
      <TableBody>{children}</TableBody>
    </Table>
  );
  return scroll ? <div className={ui.scroll}>{table}</div> : table;
}

/** «Проверить книгу» (or `label`): enabled once the pane is ready and nothing runs. */
export function CheckButton({ state, actions, label }: Pick<TabProps, "state" | "actions"> & { label: string }) {
  const ui = usePaneStyles();
  return (
    <div className={ui.row}>
      <Button
        appearance="primary"
        disabled={state.activity !== null || !state.ready}
        onClick={() => void actions.check()}
      >
        {label}
      </Button>
    </div>
  );
}
