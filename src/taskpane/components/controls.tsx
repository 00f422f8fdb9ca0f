/** Fluent controls with the dictionary's labels where Fluent would bring its own English text. */
import { Dropdown, type DropdownProps } from "@fluentui/react-components";
import { usePaneText } from "./text";

/** A Dropdown whose (hidden unless clearable) clear button is labelled from the dictionary. */
export function PaneDropdown(props: DropdownProps) {
  const { t } = usePaneText();
  return <Dropdown clearButton={{ "aria-label": t.clearSelection }} {...props} />;
}
