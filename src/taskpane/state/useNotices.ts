/**
 * What the pane tells the user: the host's last error (with its code) and the notices of the last
 * action, which replace the previous ones and are dismissed together (one bar, never a pile).
 */
import { useCallback, useMemo, useRef, useState } from "react";
import { describeError, type ErrorInfo } from "../errors";
import type { NewMessage, PaneMessage } from "../messages";

export interface Notices {
  messages: PaneMessage[];
  error: ErrorInfo | null;
  /** Replaces the notices with `list` (an empty list clears them). */
  say(list: NewMessage[]): void;
  /** Shows a failure with its code. */
  fail(error: unknown): void;
  clearError(): void;
  dismissMessages(): void;
}

export function useNotices(): Notices {
  const [messages, setMessages] = useState<PaneMessage[]>([]);
  const [error, setError] = useState<ErrorInfo | null>(null);
  const nextId = useRef(1);
  const say = useCallback((list: NewMessage[]) => {
    setMessages(list.map((m) => ({ ...m, id: nextId.current++ })));
  }, []);
  const fail = useCallback((e: unknown) => setError(describeError(e)), []);
  const clearError = useCallback(() => setError(null), []);
  const dismissMessages = useCallback(() => setMessages([]), []);
  return useMemo(
    () => ({ messages, error, say, fail, clearError, dismissMessages }),
    [messages, error, say, fail, clearError, dismissMessages],
  );
}
