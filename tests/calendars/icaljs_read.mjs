// Reads .ics files with ical.js (Mozilla's parser, used by Thunderbird) and prints, per
// file, each event's UID, SUMMARY, STATUS, SEQUENCE and start/end as UTC instants.
// Usage: node icaljs_read.mjs ICALJS_PACKAGE_DIR FILE...
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const [packageDir, ...files] = process.argv.slice(2);
const pkg = JSON.parse(readFileSync(join(packageDir, "package.json"), "utf8"));
const ICAL = (await import(pathToFileURL(join(packageDir, pkg.main)).href)).default;

const result = {};
for (const file of files) {
  const root = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
  for (const zone of root.getAllSubcomponents("vtimezone")) {
    ICAL.TimezoneService.register(zone);
  }
  result[file] = root.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    const instant = (time) =>
      time.isDate ? time.toString() : time.toJSDate().toISOString();
    return {
      uid: event.uid,
      summary: event.summary,
      status: component.getFirstPropertyValue("status"),
      sequence: event.sequence,
      start: instant(event.startDate),
      end: instant(event.endDate),
      zone: event.startDate.isDate ? null : event.startDate.zone.tzid,
    };
  });
}
process.stdout.write(JSON.stringify(result));
