"""Template tag libraries: thin registrations of helpers that live in their rooms (`meetings.web`)."""
