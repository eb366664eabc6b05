"""Every write to members, by area: profile (create, edit, accounts), transfers and
exemptions, badges, seats. The dated status changes themselves go through
members.services.events.record_event."""
