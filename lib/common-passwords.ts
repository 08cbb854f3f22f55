/**
 * Passwords of ten characters or more that lead the public breach-corpus frequency lists (shorter
 * ones are refused by length anyway). Shipped with the app, never fetched. Lower case; compared
 * case-insensitively. Pure data.
 */
export const COMMON_PASSWORDS: readonly string[] = `
0000000000 0123456789 0987654321 1111111111 11111111111 111111111111 1122334455 1212121212
1231231231 123123123123 1234512345 1234567890 12345678900 1234567891 12345678910 123456789a
123456789abc 123456789q 1234567899 123456789o 123qweasdzxc 1234qwerasdf 1234abcd1234 123abc123abc
1q2w3e4r5t 1q2w3e4r5t6y 1qaz2wsx3edc 1qazxsw23edc 2222222222 5555555555 6666666666 7777777777
8888888888 9876543210 9999999999 a123456789 a1b2c3d4e5 aa12345678 aaaaaaaaaa abc1234567 abcd123456
abcd1234efgh abcdefghij abcdefg123 administrator admin12345 admin123456 asdfghjkl1 asdfghjkl123
asdfasdfasdf baseball123 basketball1 basketball changeme123 charlie123 chocolate1 computer123
dragon1234 football12 football123 footballer hello12345 hello123456 helloworld iloveyou12
iloveyou123 iloveyou1234 jennifer123 letmein123 letmein1234 liverpool1 liverpool123 manchester
michael123 monkey12345 mustang123 naruto1234 password00 password01 password12 password123
password1234 password12345 password1! password2020 password2021 password2022 password2023
password2024 password2025 password2026 passw0rd12 passw0rd123 p@ssw0rd12 p@ssword123
pokemon123 princess12 princess123 q1w2e3r4t5 q1w2e3r4t5y6 qazwsxedc1 qazwsxedc123 qazwsxedcrfv
qwer1234qwer qwerty1234 qwerty12345 qwerty123456 qwertyuiop qwertyuiop1 qwertyuiop123 qweasdzxc1
qweasdzxc123 samsung123 shadow1234 starwars12 starwars123 sunshine12 sunshine123 superman12
superman123 trustno1234 welcome123 welcome1234 whatever12 zaq12wsxcde zxcvbnm123 zxcvbnmasdf
zxcvbnm1234 counterpoint counterpoint1 counterpoint123 factchecker factchecker1 factcheck123
`
  .trim()
  .split(/\s+/);
