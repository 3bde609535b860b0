// Loads the library and reports which provider modules that pulled in: the
// library must load only the resource classes it uses, never a provider root.
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

report(freshOutdir(), {
  providerModulesLoaded: loaded.length,
  rootIndexesLoaded: rootIndexes,
  awsResourcesLoaded: loadedResources('provider-aws'),
  awsResourcesAvailable: resourceDirs('provider-aws'),
  cloudflareResourcesLoaded: loadedResources('provider-cloudflare'),
  cloudflareResourcesAvailable: resourceDirs('provider-cloudflare'),
});
