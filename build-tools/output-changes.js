// The "Unreleased" section of docs/output-changes.md: the changes to the
// synthesized Terraform JSON since the last release, per resource type.
// Run by the bump task (`node build-tools/output-changes.js`), it appends that
// section to the release notes ($CHANGELOG, dist/changelog.md), so every
// release note lists the output changes; test/change-safety/output-changes.test.ts
// checks that the section names every resource type whose output differs from
// the last release's (the upgrade baselines).
const fs = require('fs');
const path = require('path');

const FILE = path.join(__dirname, '..', 'docs', 'output-changes.md');

/** The body of the "## Unreleased" section (without its heading), trimmed; throws when there is none. */
function unreleasedSection(markdown) {
  const match = /^## Unreleased[ \t]*\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(markdown);
  if (!match) {
    throw new Error(`${path.relative(process.cwd(), FILE)} has no "## Unreleased" section`);
  }
  return match[1].trim();
}

/** Names in backticks in a section: resource types (`aws_ecs_service`), `data.<type>`, `provider.<name>`, `output`, ... */
function namedTypes(section) {
  return [...section.matchAll(/`([A-Za-z0-9_.]+)`/g)].map((match) => match[1]);
}

function appendToReleaseNotes() {
  const changelog = process.env.CHANGELOG ?? 'dist/changelog.md';
  if (!fs.existsSync(changelog)) {
    console.error(`${changelog} does not exist: run the bump task first`);
    process.exit(1);
  }
  const section = unreleasedSection(fs.readFileSync(FILE, 'utf8'));
  const notes = fs.readFileSync(changelog, 'utf8').replace(/\s*$/, '');
  fs.writeFileSync(changelog, `${notes}\n\n### Changes to the synthesized output\n\n${section}\n`);
  console.log(`appended the output changes of docs/output-changes.md to ${changelog}`);
}

module.exports = { FILE, unreleasedSection, namedTypes };

if (require.main === module) {
  appendToReleaseNotes();
}
