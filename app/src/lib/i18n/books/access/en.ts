// Words the public pages need only in some cases: choosing a new password after an admin's reset, and
// registration closed. Loaded when the case arises, so the first visit carries only the shell's words.
const en = {
  accountAccess: {
    choosePasswordTitle: 'Choose a new password',
    choosePasswordLead: 'The school reset your password. Choose your own to continue; the temporary one stops working.',
    newPassword: 'New password',
    confirmPassword: 'New password again',
    passwordsDiffer: 'The two passwords are not the same.',
    choosePasswordButton: 'Save and sign in',
    choosingPassword: 'Saving…',
    registrationClosed:
      'The school is not taking new registrations at the moment. Ask the school office for an account.',
  },
};

export default en;
