"""The plan as the tool sees it: dates, schedules, actions, partners, queries and lateness."""
