/** The fake Excel object model (see `objects.ts`, `model.ts`, `install.ts`). */
export { installFakeOffice, type FakeOfficeHandle, type InstallOptions } from "./install";
export { FakeWorkbook, FakeSheet, fakeWorkbookFromData, type FakeCell, type FillState } from "./model";
export { FakeOfficeError, FakeStats, type RequestStats } from "./objects";
