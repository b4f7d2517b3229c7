#!/usr/bin/env bash
# Makes sure the two TrueType faces report PDFs are set in are installed (Debian packages):
#   fonts-arphic-gbsn00lp  AR PL SungtiL GB, the main Song face (Arphic Public License)
#   fonts-babelstone-han   BabelStone Han, the fallback for the CJK extensions B–H that names use (Arphic Public
#                          License and CC BY-SA; GB 18030-2022 requires those characters)
# Sourced by scripts/run.sh and scripts/test.sh. Without root or apt it says what to install and carries on: the site
# runs, and a PDF download answers with a clear message until the fonts are there (no restart needed).
report_font_packages=()
[ -f /usr/share/fonts/truetype/arphic-gbsn00lp/gbsn00lp.ttf ] || report_font_packages+=(fonts-arphic-gbsn00lp)
[ -f /usr/share/fonts/truetype/babelstone/BabelStoneHan.ttf ] || report_font_packages+=(fonts-babelstone-han)
