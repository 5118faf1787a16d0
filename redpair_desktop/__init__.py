"""RedPair Desktop (红心结对): the Party-branch pairing programme on one PC."""

__version__ = "0.1.0"
APP_NAME = "RedPair Desktop"
