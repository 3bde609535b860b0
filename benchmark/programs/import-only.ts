// Loads the library and reports which provider modules that pulled in: the
// library must load only the resource classes it imports, never a provider root.
import * as fs from 'fs';
import * as path from 'path';
import { report, freshOutdir } from './measure';

// eslint-disable-next-line @typescript-eslint/no-require-imports
require('../../src');

const providerFile = /node_modules[\\/]@cdktf[\\/](provider-[a-z]+)[\\/]lib[\\/](.+)$/;
const loaded = Object.keys(require.cache)
  .map((file) => providerFile.exec(file))
  .filter((m): m is RegExpExecArray => m !== null)
  .map((m) => `${m[1]}/lib/${m[2].replace(/\\/g, '/')}`);

const rootIndexes = loaded.filter((m) => /^provider-[a-z]+\/lib\/index\.js$/.test(m));
// lib/provider resolves to lib/provider/index.js: its parent's parent is lib/, which holds one folder per resource.
const resourceDirs = (provider: string) =>
  fs.readdirSync(path.join(path.dirname(require.resolve(`@cdktf/${provider}/lib/provider`)), '..'), { withFileTypes: true })
    .filter((d) => d.isDirectory()).length;
const loadedResources = (provider: string) => new Set(loaded.filter((m) => m.startsWith(`${provider}/`)).map((m) => m.split('/')[2])).size;

// The resource folders the library's own modules import by deep path (the compiled copy next to this program).
function importedByLibrary(dir: string, found = new Set<string>()): Set<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      importedByLibrary(file, found);
    } else if (entry.name.endsWith('.js')) {
      for (const m of fs.readFileSync(file, 'utf8').matchAll(/require\("@cdktf\/(provider-[a-z]+)\/lib\/([^"/]+)/g)) {
        found.add(`${m[1]}/${m[2]}`);
      }
    }
  }
  return found;
}
const imported = importedByLibrary(path.join(__dirname, '..', '..', 'src'));
// Every provider module loaded must belong to a resource the library imports itself: no provider
// module pulls in others, and nothing loads what the library does not use.
const notImported = [...new Set(loaded.map((m) => m.split('/').slice(0, 3).filter((_, i) => i !== 1).join('/')))]
  .filter((dir) => !imported.has(dir)).sort();

report(freshOutdir(), {
  resourceModulesNotImportedByTheLibrary: notImported,
  resourceModulesImportedByTheLibrary: imported.size,
  providerModulesLoaded: loaded.length,
  rootIndexesLoaded: rootIndexes,
  awsResourcesLoaded: loadedResources('provider-aws'),
  awsResourcesAvailable: resourceDirs('provider-aws'),
  cloudflareResourcesLoaded: loadedResources('provider-cloudflare'),
  cloudflareResourcesAvailable: resourceDirs('provider-cloudflare'),
});
