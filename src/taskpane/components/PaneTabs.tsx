/**
 * The pane's sections as tabs that fit the width: those that do not fit go into a «Ещё» menu
 * (Fluent v9 `Overflow` over a `TabList`), the selected tab always stays visible.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Overflow,
  OverflowItem,
  Tab,
  TabList,
  useIsOverflowItemVisible,
  makeStyles,
  useOverflowMenu,
} from "@fluentui/react-components";
import { format } from "../../i18n/strings";
import { usePaneText } from "./text";

export interface PaneTab<T extends string> {
  id: T;
  label: string;
}

interface PaneTabsProps<T extends string> {
  tabs: readonly PaneTab<T>[];
  selected: T;
  onSelect: (id: T) => void;
  /** The DOM id of each tab (for the panel's `aria-labelledby`). */
  tabId: (id: T) => string;
  panelId: string;
}

function OverflowMenuItem<T extends string>({ tab, onSelect }: { tab: PaneTab<T>; onSelect: (id: T) => void }) {
  const visible = useIsOverflowItemVisible(tab.id);
  if (visible) return null;
  return <MenuItem onClick={() => onSelect(tab.id)}>{tab.label}</MenuItem>;
}

function TabsOverflowMenu<T extends string>({ tabs, onSelect }: Pick<PaneTabsProps<T>, "tabs" | "onSelect">) {
  const { t } = usePaneText();
  const { ref, isOverflowing, overflowCount } = useOverflowMenu<HTMLButtonElement>();
  if (!isOverflowing) return null;
  return (
    <Menu>
      <MenuTrigger disableButtonEnhancement>
        <Button
          ref={ref}
          appearance="transparent"
          size="small"
          title={format(t.moreTabsLabel, { count: overflowCount })}
        >
          {t.moreTabs}
        </Button>
      </MenuTrigger>
      <MenuPopover>
        <MenuList>
          {tabs.map((tab) => (
            <OverflowMenuItem key={tab.id} tab={tab} onSelect={onSelect} />
          ))}
        </MenuList>
      </MenuPopover>
    </Menu>
  );
}

const useStyles = makeStyles({
  bar: { display: "flex", alignItems: "center", flexWrap: "nowrap", minWidth: 0, overflow: "hidden" },
  tabs: { flexWrap: "nowrap", minWidth: 0 },
});

export function PaneTabs<T extends string>({ tabs, selected, onSelect, tabId, panelId }: PaneTabsProps<T>) {
  const { t } = usePaneText();
  const styles = useStyles();
  return (
    <Overflow minimumVisible={1}>
      {/* The «Ещё» button sits beside the tab list, not in it: a tablist holds only tabs. */}
      <div className={styles.bar}>
        <TabList
          aria-label={t.tabsLabel}
          selectedValue={selected}
          onTabSelect={(_, d) => onSelect(d.value as T)}
          size="small"
          className={styles.tabs}
        >
          {tabs.map((tab) => (
            <OverflowItem key={tab.id} id={tab.id} priority={tab.id === selected ? 2 : 1}>
              <Tab id={tabId(tab.id)} value={tab.id} aria-controls={panelId}>
                {tab.label}
              </Tab>
            </OverflowItem>
          ))}
        </TabList>
        <TabsOverflowMenu tabs={tabs} onSelect={onSelect} />
      </div>
    </Overflow>
  );
}
