// Reads .ics files with ical.js (Mozilla's parser, used by Thunderbird) and prints, per
// file, each event's UID, SUMMARY, STATUS, SEQUENCE and start/end as UTC instants, and its
// alarms: ACTION, DESCRIPTION, UID and the UTC instant each TRIGGER rings at (a duration
// from the start, or an absolute time), as ical.js computes it.
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
      alarms: component.getAllSubcomponents("valarm").map((alarm) => {
        const trigger = alarm.getFirstPropertyValue("trigger");
        // rings: the start plus the duration in exact seconds (RFC 5545: hours and
        // minutes are exact). wall: Time.addDuration on the start in its zone, as
        // Thunderbird's calAlarm computes it: wall-clock arithmetic, an hour apart from
        // rings when a daylight-saving change lies between alarm and start.
        let rings;
        let wall;
        if (trigger instanceof ICAL.Duration) {
          const start = event.startDate.toJSDate().getTime();
          rings = new Date(start + trigger.toSeconds() * 1000).toISOString();
          const moment = event.startDate.clone();
          moment.addDuration(trigger);
          wall = moment.toJSDate().toISOString();
        } else {
          rings = trigger.toJSDate().toISOString();
          wall = rings;
        }
        return {
          action: alarm.getFirstPropertyValue("action"),
          description: alarm.getFirstPropertyValue("description"),
          uid: alarm.getFirstPropertyValue("uid"),
          trigger: trigger.toString(),
          rings,
          wall,
        };
      }),
    };
  });
}
process.stdout.write(JSON.stringify(result));
