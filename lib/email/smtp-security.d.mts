export type SmtpSecurity = "tls" | "starttls" | "local" | "insecure";
export declare function isLocalHost(host: string): boolean;
export declare function smtpSecurity(smtpUrl: string, insecure: boolean): SmtpSecurity;
export declare const SMTP_SECURITY_LABEL: Record<SmtpSecurity, string>;
