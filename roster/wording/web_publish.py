"""The words of the web app's publish pages (message ids ``web.publish_*``), in German and
English; merged into :mod:`roster.wording.web`.

The page *Publish and print* (calendars, printouts, calendar links) and the handout sheet a
volunteer gets with their calendar link: short sentences, because German is the second
language of many volunteers. No setting, file name or id is named; people by their name.
"""

from __future__ import annotations

TEXTS: dict[str, dict[str, str]] = {
    "en": {
        # the page
        "publish_title": "Publish and print: {month}",
        "publish_not_planned": "{month} is not planned yet. Plan it first; then you can "
        "publish it and print.",
        "publish_to_plan": "Plan {month}",
        # the calendars
        "publish_calendars_heading": "Calendars",
        "publish_explain": "Publishing updates the calendars: everyone sees their {t_duties} "
        "in the calendar on their phone.",
        "publish_planned_on": "Planned on {day}.",
        "publish_state_published": "Published. The calendars of this month last changed on {when}.",
        "publish_state_outdated": "The plan changed after the last publication. Publish "
        "again, so that everyone sees the new plan.",
        "publish_state_never": "Not published yet.",
        "publish_button": "Publish the calendars",
        "publish_result_heading": "Result",
        "publish_result_new_one": "{count} new {t_duty}",
        "publish_result_new_other": "{count} new {t_duties}",
        "publish_result_changed_one": "{count} changed {t_duty}",
        "publish_result_changed_other": "{count} changed {t_duties}",
        "publish_result_cancelled_one": "{count} cancelled {t_duty}",
        "publish_result_cancelled_other": "{count} cancelled {t_duties}",
        "publish_result_removed_one": "{count} {t_duty} went to someone else",
        "publish_result_removed_other": "{count} {t_duties} went to someone else",
        "publish_result_none": "No {t_duty} changed since the last publication.",
        "publish_result_people": "Changes for these people:",
        "publish_result_person": "{name}: {changes}",
        "publish_print_heading": "Printouts",
        "publish_print_explain": "The {t_rota}, the appointment sheets, the agenda of the "
        "{t_team_meeting}, the door sign and a personal schedule for each person.",
        "publish_print_button": "Make the printouts",
        "publish_print_none": "No printouts for this month yet.",
        "publish_printed": "The printouts are ready.",
        "publish_html_only": "The printouts are web pages (HTML), not PDF files. Open one and "
        "print it from your browser.",
        "publish_html_only_why": "PDF files need an extra program on the computer that runs "
        "this app. Ask the person who looks after it.",
        "publish_col_document": "Printout",
        "publish_col_download": "Download",
        "publish_file_rota": "{T_rota}",
        "publish_file_appointments": "Appointment sheet, {day}",
        "publish_file_agenda": "Agenda of the {t_team_meeting}",
        "publish_file_door": "Door sign",
        "publish_file_schedule": "Personal schedule: {name}",
        "publish_file_schedule_gone": "Personal schedule of someone who left the team",
        "publish_kind_pdf": "PDF",
        "publish_kind_html": "web page",
        "publish_download": "{label} as {kind}",
        # calendar links
        "publish_links_heading": "Calendar links",
        "publish_links_explain": "Each person gets a handout: one page to print, with the "
        "link to their own page and its QR code. On that page they answer the {t_poll}, see "
        "their {t_duties} and get their calendar link. The table shows who has a calendar "
        "link.",
        "publish_links_no_address": "No links can be made yet. Phones need a public address "
        "on the internet to reach the calendars, and this app has none yet. Ask the person "
        "who looks after this computer to give the calendars a public address.",
        "publish_links_not_published": "Publish the calendars first. Then you can make handouts.",
        "publish_col_name": "Name",
        "publish_col_link": "Calendar link",
        "publish_col_actions": "What to do",
        "publish_link_since": "since {day}",
        "publish_link_none": "no link yet",
        "publish_handout_button": "Make a handout",
        "publish_revoke_button": "Revoke link",
        "publish_revoked": "The link of {name} no longer works.",
        "publish_had_no_link": "{name} had no link.",
        "publish_unknown_person": "This person is not in the team.",
        # confirmations
        "publish_confirm_revoke_title": "Revoke the link of {name}?",
        "publish_confirm_revoke": "The link stops working at once. The calendar of {name} "
        "then gets no new {t_duties}. Do this when someone leaves the team, or when a phone "
        "is lost.",
        "publish_confirm_revoke_button": "Yes, revoke the link",
        "publish_cancel": "Cancel",
        "publish_replace_needed": "{name} already has a link, made on {day}. A new link "
        "makes the old one stop working: confirm that you want to replace it.",
        # the handout sheet
        "publish_sheet_for": "For {name}",
        "publish_sheet_link": "Your link:",
        "publish_sheet_private": "This link is only for you. Do not pass it on. If you lose "
        "your phone, tell the office: you get a new link.",
        "publish_sheet_android": "Android and Google Calendar",
        "publish_sheet_android_1": "Install the free app ICSx⁵ (Google Play or F-Droid).",
        "publish_sheet_android_2": "Scan the QR code with the camera and open the link with "
        "ICSx⁵. Or open ICSx⁵, tap +, and type in the link.",
        "publish_sheet_android_3": "Tap Add. Your {t_duties} then also show in Google Calendar.",
        "publish_sheet_iphone": "iPhone and iPad",
        "publish_sheet_iphone_1": "Scan the QR code with the Camera app and tap the link.",
        "publish_sheet_iphone_2": "Tap Subscribe, then Add.",
        "publish_sheet_iphone_3": "Without the QR code: Settings → Apps → Calendar → "
        "Calendar Accounts → Add Account → Other → Add Subscribed Calendar. Type in the "
        "link.",
        "publish_sheet_outlook": "Outlook",
        "publish_sheet_outlook_1": "Open the calendar. Choose Add calendar, then Subscribe "
        "from web (on Windows: From Internet).",
        "publish_sheet_outlook_2": "Type in the link and confirm.",
        "publish_sheet_replaced": "The old link of {name} no longer works.",
        "publish_sheet_back": "Back to Publish and print",
        "publish_sheet_gone_title": "The link was shown once",
        "publish_sheet_gone": "This handout was already made. Its link was shown only once "
        "and cannot be shown again. To get a new link, make a new handout.",
        # the change log
        "publish_done": "Published the calendars for {month_name}: {new} new, {changed} changed, "
        "{cancelled} cancelled.",
        "publish_printed_change": "Made the printouts for {month_name}.",
        "publish_handout_change": "Made a handout (new calendar link) for {name}.",
        "publish_revoked_change": "Revoked the calendar link of {name}.",
        "publish_page_link_change": "Made a page link for {name}.",
        # the handout sheet with the page link
        "publish_page_sheet_title": "Your own page",
        "publish_page_sheet_intro": "On your page you say when you can come, see your "
        "{t_duties} and put them into your phone's calendar.",
        "publish_page_sheet_qr": "QR code of the page link of {name}",
        "publish_page_sheet_steps": "How to start",
        "publish_page_sheet_step_1": "Scan the code with your phone camera. Tap the link.",
        "publish_page_sheet_step_2": "Save the page on your home screen: in the browser's "
        "menu, tap Add to Home screen.",
        "publish_page_sheet_step_3": "On the page: answer the {t_poll}, see your {t_duties}, "
        "and get your calendar link.",
        "publish_page_sheet_print": "Print this page now (Ctrl+P, or Print in the browser's "
        "menu) and give it to {name}.",
        "publish_page_sheet_made": "A new page link was made for {name}.",
    },
    "de": {
        "publish_title": "Veröffentlichen und drucken: {month}",
        "publish_not_planned": "{month} ist noch nicht geplant. Planen Sie den Monat zuerst; "
        "dann können Sie ihn veröffentlichen und drucken.",
        "publish_to_plan": "{month} planen",
        "publish_calendars_heading": "Kalender",
        "publish_explain": "Veröffentlichen bringt die Kalender auf den neuen Stand: Alle "
        "sehen ihre {t_duties} im Kalender auf dem Handy.",
        "publish_planned_on": "Geplant am {day}.",
        "publish_state_published": "Veröffentlicht. Die Kalender dieses Monats haben sich "
        "zuletzt am {when} geändert.",
        "publish_state_outdated": "Der Plan hat sich nach der letzten Veröffentlichung "
        "geändert. Veröffentlichen Sie noch einmal, damit alle den neuen Plan sehen.",
        "publish_state_never": "Noch nicht veröffentlicht.",
        "publish_button": "Kalender veröffentlichen",
        "publish_result_heading": "Ergebnis",
        "publish_result_new_one": "{count} neuer {t_duty}",
        "publish_result_new_other": "{count} neue {t_duties}",
        "publish_result_changed_one": "{count} geänderter {t_duty}",
        "publish_result_changed_other": "{count} geänderte {t_duties}",
        "publish_result_cancelled_one": "{count} abgesagter {t_duty}",
        "publish_result_cancelled_other": "{count} abgesagte {t_duties}",
        "publish_result_removed_one": "{count} {t_duty} ging an jemand anderen",
        "publish_result_removed_other": "{count} {t_duties} gingen an jemand anderen",
        "publish_result_none": "Seit der letzten Veröffentlichung hat sich kein {t_duty} geändert.",
        "publish_result_people": "Änderungen für diese Personen:",
        "publish_result_person": "{name}: {changes}",
        "publish_print_heading": "Ausdrucke",
        "publish_print_explain": "Der {t_rota}, die Terminblätter, die Tagesordnung der "
        "{t_team_meeting}, das Türschild und für jede Person ein eigener Plan.",
        "publish_print_button": "Ausdrucke erstellen",
        "publish_print_none": "Für diesen Monat gibt es noch keine Ausdrucke.",
        "publish_printed": "Die Ausdrucke sind fertig.",
        "publish_html_only": "Die Ausdrucke sind Webseiten (HTML), keine PDF-Dateien. Öffnen "
        "Sie einen und drucken Sie ihn aus dem Browser.",
        "publish_html_only_why": "Für PDF-Dateien braucht der Computer, auf dem diese App "
        "läuft, ein zusätzliches Programm. Fragen Sie die Person, die ihn betreut.",
        "publish_col_document": "Ausdruck",
        "publish_col_download": "Herunterladen",
        "publish_file_rota": "{T_rota}",
        "publish_file_appointments": "Terminblatt, {day}",
        "publish_file_agenda": "Tagesordnung der {t_team_meeting}",
        "publish_file_door": "Türschild",
        "publish_file_schedule": "Eigener Plan: {name}",
        "publish_file_schedule_gone": "Eigener Plan einer Person, die nicht mehr im Team ist",
        "publish_kind_pdf": "PDF",
        "publish_kind_html": "Webseite",
        "publish_download": "{label} als {kind}",
        "publish_links_heading": "Kalender-Links",
        "publish_links_explain": "Jede Person bekommt einen Handzettel: eine Seite zum "
        "Ausdrucken, mit dem Link zu ihrer eigenen Seite und seinem QR-Code. Auf der Seite "
        "beantwortet sie die {t_poll}, sieht ihre {t_duties} und holt ihren Kalender-Link. Die "
        "Tabelle zeigt, wer einen Kalender-Link hat.",
        "publish_links_no_address": "Noch können keine Links erstellt werden. Handys brauchen "
        "eine öffentliche Adresse im Internet, um die Kalender zu erreichen, und diese App hat "
        "noch keine. Bitten Sie die Person, die diesen Computer betreut, den Kalendern eine "
        "öffentliche Adresse zu geben.",
        "publish_links_not_published": "Veröffentlichen Sie zuerst die Kalender. Dann können "
        "Sie Handzettel erstellen.",
        "publish_col_name": "Name",
        "publish_col_link": "Kalender-Link",
        "publish_col_actions": "Was tun",
        "publish_link_since": "seit {day}",
        "publish_link_none": "noch kein Link",
        "publish_handout_button": "Handzettel erstellen",
        "publish_revoke_button": "Link sperren",
        "publish_revoked": "Der Link von {name} funktioniert nicht mehr.",
        "publish_had_no_link": "{name} hatte keinen Link.",
        "publish_unknown_person": "Diese Person ist nicht im Team.",
        "publish_confirm_revoke_title": "Den Link von {name} sperren?",
        "publish_confirm_revoke": "Der Link funktioniert sofort nicht mehr. Der Kalender von "
        "{name} bekommt dann keine neuen {t_duties}. Tun Sie das, wenn jemand das Team "
        "verlässt oder ein Handy verloren ist.",
        "publish_confirm_revoke_button": "Ja, den Link sperren",
        "publish_cancel": "Abbrechen",
        "publish_replace_needed": "{name} hat schon einen Link, erstellt am {day}. Ein neuer "
        "Link macht den alten ungültig: Bestätigen Sie, dass Sie ihn ersetzen wollen.",
        "publish_sheet_for": "Für {name}",
        "publish_sheet_link": "Ihr Link:",
        "publish_sheet_private": "Dieser Link ist nur für Sie. Geben Sie ihn nicht weiter. "
        "Wenn Sie Ihr Handy verlieren, sagen Sie es im Büro: Sie bekommen einen neuen Link.",
        "publish_sheet_android": "Android und Google Kalender",
        "publish_sheet_android_1": "Installieren Sie die kostenlose App ICSx⁵ (Google Play "
        "oder F-Droid).",
        "publish_sheet_android_2": "Scannen Sie den QR-Code mit der Kamera und öffnen Sie den "
        "Link mit ICSx⁵. Oder öffnen Sie ICSx⁵, tippen Sie auf + und geben Sie den Link ein.",
        "publish_sheet_android_3": "Tippen Sie auf Hinzufügen. Ihre {t_duties} stehen dann "
        "auch im Google Kalender.",
        "publish_sheet_iphone": "iPhone und iPad",
        "publish_sheet_iphone_1": "Scannen Sie den QR-Code mit der Kamera-App und tippen Sie "
        "auf den Link.",
        "publish_sheet_iphone_2": "Tippen Sie auf Abonnieren, dann auf Hinzufügen.",
        "publish_sheet_iphone_3": "Ohne QR-Code: Einstellungen → Apps → Kalender → "
        "Kalender-Accounts → Account hinzufügen → Andere → Kalenderabo hinzufügen. Geben Sie "
        "den Link ein.",
        "publish_sheet_outlook": "Outlook",
        "publish_sheet_outlook_1": "Öffnen Sie den Kalender. Wählen Sie Kalender hinzufügen, "
        "dann Aus dem Web abonnieren (unter Windows: Aus dem Internet).",
        "publish_sheet_outlook_2": "Geben Sie den Link ein und bestätigen Sie.",
        "publish_sheet_replaced": "Der alte Link von {name} funktioniert nicht mehr.",
        "publish_sheet_back": "Zurück zu Veröffentlichen und drucken",
        "publish_sheet_gone_title": "Der Link wurde einmal gezeigt",
        "publish_sheet_gone": "Dieser Handzettel wurde schon erstellt. Sein Link wurde nur "
        "einmal gezeigt und kann nicht noch einmal gezeigt werden. Für einen neuen Link "
        "erstellen Sie einen neuen Handzettel.",
        "publish_done": "Kalender für {month_name} veröffentlicht: {new} neu, {changed} geändert, "
        "{cancelled} abgesagt.",
        "publish_printed_change": "Ausdrucke für {month_name} erstellt.",
        "publish_handout_change": "Handzettel (neuer Kalender-Link) für {name} erstellt.",
        "publish_revoked_change": "Kalender-Link von {name} gesperrt.",
        "publish_page_link_change": "Link zur persönlichen Seite für {name} erstellt.",
        "publish_page_sheet_title": "Ihre eigene Seite",
        "publish_page_sheet_intro": "Auf Ihrer Seite sagen Sie, wann Sie kommen können, sehen "
        "Ihre {t_duties} und holen sie in den Kalender Ihres Handys.",
        "publish_page_sheet_qr": "QR-Code des Links zur Seite von {name}",
        "publish_page_sheet_steps": "So fangen Sie an",
        "publish_page_sheet_step_1": "Scannen Sie den Code mit der Kamera Ihres Handys. "
        "Tippen Sie auf den Link.",
        "publish_page_sheet_step_2": "Speichern Sie die Seite auf dem Startbildschirm: Tippen "
        "Sie im Menü des Browsers auf „Zum Startbildschirm hinzufügen“.",
        "publish_page_sheet_step_3": "Auf der Seite: Beantworten Sie die {t_poll}, sehen Sie "
        "Ihre {t_duties} und holen Sie Ihren Kalender-Link.",
        "publish_page_sheet_print": "Drucken Sie diese Seite jetzt aus (Strg+P, oder Drucken "
        "im Menü des Browsers) und geben Sie sie {name}.",
        "publish_page_sheet_made": "Für {name} wurde ein neuer Link zur Seite erstellt.",
    },
}
