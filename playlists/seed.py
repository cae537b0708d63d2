"""The rules and playlists a fresh install starts with: the convenience-store story.

They use the built-in sample content (`content.samples`) and read like what a marketer
would write: students after school get snacks, commuters in suits get finance news in
the morning and the evening, workwear at lunch gets lunch deals, seniors mid-morning get
tea, adults in the evening see the beer promotion (withheld by the minors guardrail
whenever a minor may be there), and everyone else sees the brand loop. Marketers change
or replace them like any other rule (`signage rules import`, the editor).
"""

from __future__ import annotations

SEED_YAML = """\
# The convenience-store story: seed rules and playlists of a fresh signage install.
default_playlist: brand_loop

playlists:
  - name: brand_loop
    note: The store's own loop, when nobody is there or nothing else fits.
    items: [brand_welcome, brand_loop, drinks_coffee]
  - name: after_school_snacks
    note: Snacks and energy drinks for students.
    items: [snacks_chips, snacks_candy, drinks_energy]
  - name: commuter_finance
    note: Market news and coffee for commuters.
    items: [finance_markets, finance_headlines, drinks_coffee]
  - name: lunch_deals
    note: Ready meals at lunchtime.
    items: [lunch_bento, lunch_deals, drinks_energy]
  - name: seniors_morning
    note: Tea and health for the mid-morning regulars.
    items: [seniors_tea, drinks_coffee]
  - name: evening_drinks
    note: The evening beer promotion; the guardrail withholds it while minors may be there.
    items: [beer_promo, snacks_chips]

rules:
  - name: students_after_school
    playlist: after_school_snacks
    priority: 60
    when:
      age_groups: [child, teen]
      weekdays: mon-fri
      time: ["15:00-18:30"]
    note: Students on their way home from school.
  - name: school_uniform
    playlist: after_school_snacks
    priority: 50
    when:
      attire: [school_uniform]
    note: Anyone in a school uniform, whatever the time.
  - name: commuters_morning
    playlist: commuter_finance
    priority: 50
    when:
      attire: [business]
      weekdays: mon-fri
      time: ["06:30-09:30"]
    note: Suits on the way to work.
  - name: commuters_evening
    playlist: commuter_finance
    priority: 50
    when:
      attire: [business]
      weekdays: mon-fri
      time: ["17:30-20:00"]
    note: Suits on the way home.
  - name: workwear_lunch
    playlist: lunch_deals
    priority: 45
    when:
      attire: [workwear]
      time: ["11:00-14:00"]
    note: Workers on their lunch break.
  - name: seniors_mid_morning
    playlist: seniors_morning
    priority: 40
    when:
      age_groups: [senior]
      time: ["09:00-11:30"]
    note: The mid-morning regulars.
  - name: evening_adults
    playlist: evening_drinks
    priority: 30
    when:
      age_groups: [young_adult, adult, middle_aged]
      time: ["18:00-23:00"]
    note: Adults in the evening.
  - name: lunchtime
    playlist: lunch_deals
    priority: 10
    when:
      time: ["11:30-13:30"]
    note: Everyone at lunchtime, even when the camera is unsure who is there.
"""
