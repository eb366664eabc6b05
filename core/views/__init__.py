"""core's screens: the write-view classes every app uses (write), holidays, jobs."""
