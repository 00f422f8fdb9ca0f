/**
 * One primary action (check the workbook) and the others in a menu: the report sheet, the
 * dashboard, the download of the file host's copy, and (once wired) the справка.
 */
import {
  Button,
  Menu,
  MenuItem,
  MenuList,
  MenuPopover,
  MenuTrigger,
  Tooltip,
  makeStyles,
  tokens,
} from "@fluentui/react-components";
import { usePaneText } from "./text";

const useStyles = makeStyles({
  bar: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});

export interface CommandBarProps {
  ready: boolean;
  busy: boolean;
  /** A check was run (the actions that write its results are enabled). */
  checked: boolean;
  /** The host hands the result over as a file («Скачать»). */
  canDownload: boolean;
  onCheck: () => Promise<void>;
  onWriteReport: () => Promise<void>;
  onFillDashboard: () => Promise<void>;
  onDownload: () => Promise<void>;
  /** «Справка (Word)»: shown only when given. */
  onSpravka?: () => Promise<void>;
}

export function CommandBar(props: CommandBarProps) {
  const { t } = usePaneText();
  const styles = useStyles();
  const { ready, busy, checked, canDownload } = props;
  return (
    <div className={styles.bar} role="toolbar" aria-label={t.commandsLabel}>
      <Button appearance="primary" disabled={busy || !ready} onClick={() => void props.onCheck()}>
        {checked ? t.checkAgain : t.checkWorkbook}
      </Button>
      <Menu>
        <MenuTrigger disableButtonEnhancement>
          <Button disabled={busy}>{t.moreActions}</Button>
        </MenuTrigger>
        <MenuPopover>
          <MenuList>
            <Tooltip content={t.fillDashboardHint} relationship="description" positioning="below">
              <MenuItem disabled={!checked} onClick={() => void props.onFillDashboard()}>
                {t.fillDashboard}
              </MenuItem>
            </Tooltip>
            <Tooltip content={t.writeReportHint} relationship="description" positioning="below">
              <MenuItem disabled={!checked} onClick={() => void props.onWriteReport()}>
                {t.writeReport}
              </MenuItem>
            </Tooltip>
            {props.onSpravka ? (
              <Tooltip content={t.spravkaHint} relationship="description" positioning="below">
                <MenuItem disabled={!checked} onClick={() => void props.onSpravka?.()}>
                  {t.spravka}
                </MenuItem>
              </Tooltip>
            ) : null}
            {canDownload ? (
              <Tooltip content={t.downloadHint} relationship="description" positioning="below">
                <MenuItem onClick={() => void props.onDownload()}>{t.download}</MenuItem>
              </Tooltip>
            ) : null}
          </MenuList>
        </MenuPopover>
      </Menu>
    </div>
  );
}
