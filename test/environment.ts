// The jest environment of this suite: Node.js's, plus a full garbage collection when a test file ends.
//
// Every test file gets its own module registry, so each one loads its own copy of cdktf (about 370
// modules), the provider bindings it imports and the library: about 50 MB of objects that become
// garbage when the file ends. V8 collects them late, so a worker's heap grew from about 80 MB to
// about 1 GB over the suite and each file ran slower than the one before (a file that takes 3 s
// alone took 20 s late in the run). Collecting when a file ends keeps the heap at the size of one
// file and the time per file flat; `npx jest --logHeapUsage` shows the heap after each file.
import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import NodeEnvironment from 'jest-environment-node';

// `global.gc` without starting node with --expose-gc: the flag applies to contexts created after it is set.
setFlagsFromString('--expose-gc');
const collectGarbage: () => void = runInNewContext('gc');

export default class CollectingNodeEnvironment extends NodeEnvironment {
  async teardown(): Promise<void> {
    await super.teardown();
    collectGarbage();
  }
}
