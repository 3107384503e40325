// setupFilesAfterEnv of the `pages` project: runs in each test file's jsdom before the file (and so
// before miniprogram-simulate) loads.
import { installWx, resetWx } from './wx';

installWx();

beforeEach(() => {
  resetWx();
});
