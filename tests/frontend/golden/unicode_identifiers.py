été = 1
𝔘𝔫𝔦𝔠𝔬𝔡𝔢 = 2
ﬁle = 3
x = "éé" + été  # comment €
文字 = f"{été}é{x}"
class Çlass: ç = 1
