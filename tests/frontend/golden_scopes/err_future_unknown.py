from __future__ import division
from __future__ import no_such_feature
