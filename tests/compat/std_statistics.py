# statistics: averages, spread, quantiles, linear regression, errors.
import statistics as st
from fractions import Fraction
from decimal import Decimal

data = [2, 4, 4, 4, 5, 5, 7, 9]
print(st.mean(data), st.fmean(data), st.median(data), st.median_low([1, 3, 5, 7]), st.median_high([1, 3, 5, 7]))
print(st.mode(data), st.multimode("aabbbcccd"), st.pstdev(data), st.pvariance(data))
print(round(st.stdev(data), 6), round(st.variance(data), 6), st.harmonic_mean([40, 60]), round(st.geometric_mean([1, 10, 100]), 6))
print(st.quantiles(range(1, 11), n=4), st.quantiles([1, 2, 3, 4, 5], n=2, method="inclusive"))
print(st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.mean([Fraction(1, 2), Fraction(1, 3)]), st.mean([Decimal("1.5"), Decimal("2.5")]))
x = [1, 2, 3, 4, 5]
y = [2, 4, 5, 4, 5]
print(st.correlation(x, y), st.covariance(x, y), st.linear_regression(x, y))
nd = st.NormalDist(100, 15)
print(round(nd.cdf(115), 6), round(nd.inv_cdf(0.5), 6), nd.mean, nd.stdev, round(nd.pdf(100), 6))
print(st.NormalDist.from_samples([1, 2, 3, 4]).mean, round(nd.overlap(st.NormalDist(110, 15)), 6))
for bad in (lambda: st.mean([]), lambda: st.stdev([1]), lambda: st.mode([]), lambda: st.harmonic_mean([-1])):
    try:
        bad()
    except st.StatisticsError as e:
        print(type(e).__name__, e)
print(st.mean([True, False, True]), st.median(["a", "c", "b"]) if False else st.median([3, 1, 2]))
