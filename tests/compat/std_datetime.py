# datetime with fixed dates: arithmetic, formatting, parsing, timezones (fixed offsets), calendar.
import calendar
from datetime import date, datetime, time, timedelta, timezone

d = date(2024, 2, 28)
print(d, d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoweekday(), d.isocalendar())
print(d.strftime("%A %d %B %Y (%j)"), d.replace(year=2023) + timedelta(days=1), d.toordinal())
dt = datetime(2023, 12, 31, 23, 59, 30)
print(dt + timedelta(seconds=45), dt - datetime(2023, 1, 1), (dt - datetime(2023, 1, 1)).total_seconds())
print(dt.isoformat(), dt.isoformat(sep=" ", timespec="minutes"), str(dt.time()), dt.date())
print(datetime.strptime("2021-07-04 12:30", "%Y-%m-%d %H:%M"), datetime.fromisoformat("2020-05-17T08:15:00"))
print(repr(timedelta(days=1, hours=25, minutes=-30)), timedelta(weeks=1) // timedelta(days=3), timedelta(hours=1.5))
print(-timedelta(minutes=5), abs(timedelta(days=-2)), timedelta(seconds=3661) * 2)
utc = datetime(2022, 3, 1, 12, 0, tzinfo=timezone.utc)
est = timezone(timedelta(hours=-5), "EST")
print(utc, utc.astimezone(est), utc.astimezone(est).tzname(), utc.utcoffset())
print(utc == utc.astimezone(est), datetime(2022, 1, 1, tzinfo=timezone(timedelta(hours=5, minutes=30))))
print(time(14, 5, 9, 1500), time(7).isoformat(), time(23, 59).strftime("%I:%M %p"))
print(sorted([date(2020, 1, 2), date(2019, 12, 31), date(2020, 1, 1)]))
print(date(2024, 3, 1) - date(2024, 2, 1), calendar.isleap(2024), calendar.monthrange(2023, 2))
print(calendar.month(2024, 2))
print(date.fromisoformat("2000-01-01").strftime("%a %b %d"), datetime(2000, 1, 1).timestamp() if False else "")
for bad in (lambda: date(2023, 2, 29), lambda: datetime.strptime("31/02", "%d/%m"), lambda: time(25)):
    try:
        bad()
    except ValueError as e:
        print(type(e).__name__, e)
try:
    datetime(2020, 1, 1) - utc
except TypeError as e:
    print(type(e).__name__, e)
print(max(date(2020, 5, 1), date(2021, 1, 1)), date.min, date.max, timedelta.max)
