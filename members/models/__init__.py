from .member import CommitteeSeat, Member
from .party_life import Badge, Exemption, MemberEvent, Membership, NonParticipation, Transfer
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
