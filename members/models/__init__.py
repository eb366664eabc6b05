from .lifecycle import Badge, Exemption, MemberEvent, Membership, NonParticipation, Transfer
from .member import CommitteeSeat, Member
from .reference import Ethnicity, Religion

__all__ = [
    "Badge",
    "CommitteeSeat",
    "Ethnicity",
    "Exemption",
    "Member",
    "MemberEvent",
    "Membership",
    "NonParticipation",
    "Religion",
    "Transfer",
]
